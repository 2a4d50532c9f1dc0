package dev.trackable.it;

import dev.trackable.TrackableAdmin;
import dev.trackable.TrackableConfigurer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class TestApplication {

	@Bean
	TrackableConfigurer totals() {
		return (site) -> site.register(Article.class, ArticleTotals.class,
				TrackableAdmin.listDisplay("parent", "impressions", "downloads"));
	}

}
