-- Search: an FTS5 index of each story version's headline, summary and body text (without markup), in its language.
--
-- story_search_text holds the words as the reader reads them, one row per version, written by the publish step in
-- the same batch as the version (scripts/publish/write.ts): its body is the Markdown's text, which SQL cannot get
-- from body_html (markup, entities and the soft hyphens that split long words would all be indexed). Removing a
-- version removes its row through the foreign key; the triggers below keep the index in step with every change.
--
-- story_search indexes that table (an external-content FTS5 table: it stores the index, not a second copy of the
-- text). The words are indexed with ё written е (Ё as Е), so `е` in a query finds `ё`; the excerpts are cut from
-- story_search_text itself, with its ё, because the fold changes no word's length or boundaries. unicode61 folds
-- the case of every Cyrillic letter Kazakh uses (Ә Ғ Қ Ң Ө Ұ Ү Һ І, Unicode 6.1), but none of its diacritic
-- folding reaches Cyrillic: hence the fold. `lang` is indexed so a query is limited to its language inside the
-- index, before any row is read.
--
-- Never run FTS5's 'rebuild' on story_search: it would index the text unfolded, and `е` would stop finding `ё`. To
-- rebuild, run: INSERT INTO story_search (story_search) VALUES ('delete-all'); then insert every row of
-- story_search_text as the insert trigger does.

CREATE TABLE story_search_text (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL,
  lang TEXT NOT NULL,
  -- ISO 8601 UTC, as story_versions.published: results are ordered by it without reading story_versions.
  published TEXT NOT NULL,
  headline TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (story_id, lang),
  FOREIGN KEY (story_id, lang) REFERENCES story_versions (story_id, lang) ON DELETE CASCADE
);

CREATE VIRTUAL TABLE story_search USING fts5 (
  headline,
  summary,
  body,
  lang,
  content = 'story_search_text',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER story_search_text_inserted AFTER INSERT ON story_search_text BEGIN
  INSERT INTO story_search (rowid, headline, summary, body, lang)
  VALUES (
    new.id,
    replace(replace(new.headline, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е'),
    new.lang
  );
END;

-- FTS5 removes a row from an external-content index only when given exactly what was indexed.
CREATE TRIGGER story_search_text_deleted AFTER DELETE ON story_search_text BEGIN
  INSERT INTO story_search (story_search, rowid, headline, summary, body, lang)
  VALUES (
    'delete',
    old.id,
    replace(replace(old.headline, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
    old.lang
  );
END;

CREATE TRIGGER story_search_text_updated AFTER UPDATE ON story_search_text BEGIN
  INSERT INTO story_search (story_search, rowid, headline, summary, body, lang)
  VALUES (
    'delete',
    old.id,
    replace(replace(old.headline, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(old.body, 'ё', 'е'), 'Ё', 'Е'),
    old.lang
  );
  INSERT INTO story_search (rowid, headline, summary, body, lang)
  VALUES (
    new.id,
    replace(replace(new.headline, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.summary, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body, 'ё', 'е'), 'Ё', 'Е'),
    new.lang
  );
END;
