// Prints, for each corpus file given, how many of its user agents isbot (the version pinned in package.json) takes
// for bots: "name flagged total" a line. Used by SpiderCorpusTests to compare isbot with trackable's matcher on the
// same corpus in the same run. Lines starting with "# " are comments, as in the Java test.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isbot } from 'isbot';

for (const file of process.argv.slice(2)) {
  const userAgents = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('# '));
  const flagged = userAgents.filter((userAgent) => isbot(userAgent)).length;
  console.log(`${basename(file, '.txt')} ${flagged} ${userAgents.length}`);
}
