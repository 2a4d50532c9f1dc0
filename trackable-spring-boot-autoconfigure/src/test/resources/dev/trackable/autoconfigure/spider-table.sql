create table trackable_spider (pattern varchar(512) primary key, removed boolean not null default false);
insert into trackable_spider (pattern) values ('our-load-test/');
insert into trackable_spider (pattern, removed) values ('arachmo', true);
