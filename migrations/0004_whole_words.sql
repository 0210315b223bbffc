-- Every word whole (issue #22): NVDA reads a word holding a soft hyphen in pieces (nvaccess/nvda#9343), so no
-- stored text keeps a break hint inside a word: the soft hyphen (char(173)) that the publish step used to put into
-- long Russian and English words and that Word puts into an editor's text, the zero-width space (char(8203)) and
-- the word joiner (char(8288)). The publish step now takes them out (scripts/publish/characters.ts); this cleans
-- what it stored before.
--
-- display_headline, the headline with those soft hyphens, becomes the headline itself. The Worker no longer reads
-- it, but the column stays, NOT NULL, because `predeploy` migrates before the new Worker is deployed and the old one
-- still reads it meanwhile; the publish step writes the headline into it. A later migration can drop it.
UPDATE story_versions SET
  headline = replace(replace(replace(headline, char(173), ''), char(8203), ''), char(8288), ''),
  display_headline = replace(replace(replace(headline, char(173), ''), char(8203), ''), char(8288), ''),
  summary = replace(replace(replace(summary, char(173), ''), char(8203), ''), char(8288), ''),
  dateline = replace(replace(replace(dateline, char(173), ''), char(8203), ''), char(8288), ''),
  image_alt = replace(replace(replace(image_alt, char(173), ''), char(8203), ''), char(8288), ''),
  image_caption = replace(replace(replace(image_caption, char(173), ''), char(8203), ''), char(8288), ''),
  body_html = replace(replace(replace(body_html, char(173), ''), char(8203), ''), char(8288), '');

-- The search text was written without the publish step's soft hyphens, but an editor's own were kept. Only rows
-- that hold one are changed: the update trigger of 0002 then moves each in the FTS5 index (the old words deleted
-- exactly as indexed, the new ones inserted), so the index never holds a word the text no longer has.
UPDATE story_search_text SET
  headline = replace(replace(replace(headline, char(173), ''), char(8203), ''), char(8288), ''),
  summary = replace(replace(replace(summary, char(173), ''), char(8203), ''), char(8288), ''),
  body = replace(replace(replace(body, char(173), ''), char(8203), ''), char(8288), '')
WHERE instr(headline || summary || body, char(173)) > 0
  OR instr(headline || summary || body, char(8203)) > 0
  OR instr(headline || summary || body, char(8288)) > 0;

-- A new edition, so no cached page of the old text is served (src/edition.ts).
UPDATE edition SET number = number + 1 WHERE id = 1;
