-- Stories and their language versions. A story exists in any subset of the languages: a version that does not
-- exist is a missing row, never an empty one. Search (FTS5) will index story_versions in a later migration.

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  -- The languages it exists in, comma-separated (kk,ru,en order), written with the versions in one batch: lists,
  -- feeds and the switcher know a story's translations without reading its other versions.
  languages TEXT NOT NULL,
  -- The photo, stored in R2 under `images/{image_key}-{width}.jpg` for each width in image_widths.
  image_key TEXT NOT NULL,
  image_width INTEGER NOT NULL,
  image_height INTEGER NOT NULL,
  -- Comma-separated widths, narrowest first, the widest being image_width.
  image_widths TEXT NOT NULL,
  -- 1 while the picture is a drawing standing in for the news photo: the page labels it as an illustration.
  image_illustration INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE story_versions (
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
  headline TEXT NOT NULL,
  -- The headline as the page sets it: soft hyphens at its long words' break points (scripts/publish/hyphenate.ts).
  -- Titles, previews, feeds and structured data use `headline`, which is read, not laid out.
  display_headline TEXT NOT NULL,
  summary TEXT NOT NULL,
  dateline TEXT,
  -- ISO 8601 UTC, `YYYY-MM-DDTHH:MM:SSZ`, so text order is time order.
  published TEXT NOT NULL,
  updated TEXT,
  image_alt TEXT NOT NULL,
  image_caption TEXT NOT NULL,
  -- Rendered and sanitised at publish time; the Worker serves it as it is.
  body_html TEXT NOT NULL,
  -- What the editor's file said, hashed: a re-publish of the same text is not a correction.
  content_hash TEXT NOT NULL,
  PRIMARY KEY (story_id, lang)
);

-- The front page, its archive pages and the feeds: newest first per language, paged by key, never by OFFSET.
CREATE INDEX story_versions_latest ON story_versions (lang, published DESC, story_id DESC);

-- Bumped by every publish and unpublish, in the same batch: the page cache keys on it, so a change shows at once
-- (within the few seconds each Worker isolate reuses what it read).
CREATE TABLE edition (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  number INTEGER NOT NULL
);
INSERT INTO edition (id, number) VALUES (1, 0);
