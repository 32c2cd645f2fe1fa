-- Prefix indexes for search (`st*`, `nat*`): without them FTS5 merges the doclist of every word
-- with the prefix, on every query. FTS5 options cannot be altered, so the tables are made again
-- with prefix = '2 3' and rebuilt from their content; their triggers are unchanged.
DROP TABLE `quotes_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `quotes_fts` USING fts5(`text`, `speaker_label`, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
INSERT INTO `quotes_fts` (`quotes_fts`) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE `sources_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `sources_fts` USING fts5(`title`, `body`, content = 'sources', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
--> statement-breakpoint
INSERT INTO `sources_fts` (`sources_fts`) VALUES ('rebuild');
