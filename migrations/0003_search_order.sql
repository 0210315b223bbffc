-- Search results in the archive's order, read from the index alone.
--
-- Until now a search read every matching version's row of story_search_text to sort the matches by `published`:
-- a word in nearly every story read tens of thousands of rows. Here each version's id becomes its place in the
-- archive's order (src/search-order.ts, which the publish step and the store use):
--
--   -(unixepoch(published) × 2^20 + (story id mod 2^18) × 4 + the language's place (kk 0, ru 1, en 2))
--
-- so FTS5, whose row ids are these ids, hands out matches newest first by itself (in ascending order, which it
-- reads as it goes) and a page of 20 reads 20 rows. The update trigger of 0002 moves each version in the index
-- (delete at the old id, insert at the new); old ids are all positive and the new ones negative, so no new id meets
-- an old one on the way. 'optimize' then merges the index's segments, which hold every row twice after the move
-- (it reads no text, unlike 'rebuild').
UPDATE story_search_text
SET id = -(unixepoch(published) * 1048576 + (story_id % 262144) * 4
  + CASE lang WHEN 'kk' THEN 0 WHEN 'ru' THEN 1 WHEN 'en' THEN 2 END);

INSERT INTO story_search (story_search) VALUES ('optimize');
