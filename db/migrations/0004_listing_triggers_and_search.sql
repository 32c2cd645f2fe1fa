-- Listing keys, counters and full-text search, kept true by the database itself: whatever writes
-- a row (the app, the ingest command, a bulk import), these triggers keep the copied sort keys,
-- the totals and the search index in step. SQLite dialect (FTS5, triggers); see db/sqlite/.

-- 1. Backfill the copied listing keys of existing rows.
UPDATE `quotes` SET
  `date_key` = coalesce(`said_at`, (SELECT coalesce(`published_at`, `original_published_at`) FROM `sources` WHERE `sources`.`id` = `quotes`.`source_id`), ''),
  `speaker_country` = (SELECT `country_code` FROM `actors` WHERE `actors`.`id` = `quotes`.`speaker_id`),
  `speaker_name` = coalesce((SELECT `name` FROM `actors` WHERE `actors`.`id` = `quotes`.`speaker_id`), `speaker_label`);
--> statement-breakpoint
UPDATE `stances` SET
  `country_key` = coalesce((SELECT `country_code` FROM `actors` WHERE `actors`.`id` = `stances`.`actor_id`), '~'),
  `actor_name` = (SELECT `name` FROM `actors` WHERE `actors`.`id` = `stances`.`actor_id`),
  `topic_order` = (SELECT `sort_order` FROM `topics` WHERE `topics`.`id` = `stances`.`topic_id`),
  `topic_slug` = (SELECT `slug` FROM `topics` WHERE `topics`.`id` = `stances`.`topic_id`),
  `evidence_count` = (SELECT count(*) FROM `stance_evidence` WHERE `stance_evidence`.`stance_id` = `stances`.`id`);
--> statement-breakpoint

-- 2. Keep the quote keys true: on insert (unless the writer already gave the right values) and when
--    what they are copied from changes.
CREATE TRIGGER `quotes_keys_insert` AFTER INSERT ON `quotes`
WHEN NEW.`date_key` IS NOT coalesce(NEW.`said_at`, (SELECT coalesce(`published_at`, `original_published_at`) FROM `sources` WHERE `id` = NEW.`source_id`), '')
  OR NEW.`speaker_country` IS NOT (SELECT `country_code` FROM `actors` WHERE `id` = NEW.`speaker_id`)
  OR NEW.`speaker_name` IS NOT coalesce((SELECT `name` FROM `actors` WHERE `id` = NEW.`speaker_id`), NEW.`speaker_label`)
BEGIN
  UPDATE `quotes` SET
    `date_key` = coalesce(NEW.`said_at`, (SELECT coalesce(`published_at`, `original_published_at`) FROM `sources` WHERE `id` = NEW.`source_id`), ''),
    `speaker_country` = (SELECT `country_code` FROM `actors` WHERE `id` = NEW.`speaker_id`),
    `speaker_name` = coalesce((SELECT `name` FROM `actors` WHERE `id` = NEW.`speaker_id`), NEW.`speaker_label`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_keys_update` AFTER UPDATE OF `said_at`, `source_id`, `speaker_id`, `speaker_label` ON `quotes`
BEGIN
  UPDATE `quotes` SET
    `date_key` = coalesce(NEW.`said_at`, (SELECT coalesce(`published_at`, `original_published_at`) FROM `sources` WHERE `id` = NEW.`source_id`), ''),
    `speaker_country` = (SELECT `country_code` FROM `actors` WHERE `id` = NEW.`speaker_id`),
    `speaker_name` = coalesce((SELECT `name` FROM `actors` WHERE `id` = NEW.`speaker_id`), NEW.`speaker_label`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `sources_dates_update` AFTER UPDATE OF `published_at`, `original_published_at` ON `sources`
BEGIN
  UPDATE `quotes` SET `date_key` = coalesce(NEW.`published_at`, NEW.`original_published_at`, '')
  WHERE `source_id` = NEW.`id` AND `said_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `actors_names_update` AFTER UPDATE OF `name`, `country_code` ON `actors`
BEGIN
  UPDATE `quotes` SET `speaker_country` = NEW.`country_code`, `speaker_name` = NEW.`name` WHERE `speaker_id` = NEW.`id`;
  UPDATE `stances` SET `country_key` = coalesce(NEW.`country_code`, '~'), `actor_name` = NEW.`name` WHERE `actor_id` = NEW.`id`;
END;
--> statement-breakpoint

-- 3. The same for stances, and their evidence count.
CREATE TRIGGER `stances_keys_insert` AFTER INSERT ON `stances`
WHEN NEW.`country_key` IS NOT coalesce((SELECT `country_code` FROM `actors` WHERE `id` = NEW.`actor_id`), '~')
  OR NEW.`actor_name` IS NOT (SELECT `name` FROM `actors` WHERE `id` = NEW.`actor_id`)
  OR NEW.`topic_order` IS NOT (SELECT `sort_order` FROM `topics` WHERE `id` = NEW.`topic_id`)
  OR NEW.`topic_slug` IS NOT (SELECT `slug` FROM `topics` WHERE `id` = NEW.`topic_id`)
BEGIN
  UPDATE `stances` SET
    `country_key` = coalesce((SELECT `country_code` FROM `actors` WHERE `id` = NEW.`actor_id`), '~'),
    `actor_name` = (SELECT `name` FROM `actors` WHERE `id` = NEW.`actor_id`),
    `topic_order` = (SELECT `sort_order` FROM `topics` WHERE `id` = NEW.`topic_id`),
    `topic_slug` = (SELECT `slug` FROM `topics` WHERE `id` = NEW.`topic_id`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stances_keys_update` AFTER UPDATE OF `actor_id`, `topic_id` ON `stances`
BEGIN
  UPDATE `stances` SET
    `country_key` = coalesce((SELECT `country_code` FROM `actors` WHERE `id` = NEW.`actor_id`), '~'),
    `actor_name` = (SELECT `name` FROM `actors` WHERE `id` = NEW.`actor_id`),
    `topic_order` = (SELECT `sort_order` FROM `topics` WHERE `id` = NEW.`topic_id`),
    `topic_slug` = (SELECT `slug` FROM `topics` WHERE `id` = NEW.`topic_id`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `topics_order_update` AFTER UPDATE OF `sort_order`, `slug` ON `topics`
BEGIN
  UPDATE `stances` SET `topic_order` = NEW.`sort_order`, `topic_slug` = NEW.`slug` WHERE `topic_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stance_evidence_count_insert` AFTER INSERT ON `stance_evidence`
BEGIN
  UPDATE `stances` SET `evidence_count` = `evidence_count` + 1 WHERE `id` = NEW.`stance_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stance_evidence_count_delete` AFTER DELETE ON `stance_evidence`
BEGIN
  UPDATE `stances` SET `evidence_count` = `evidence_count` - 1 WHERE `id` = OLD.`stance_id`;
END;
--> statement-breakpoint

-- 4. Totals and evidence per month ('quotes' and quote_months count accepted quotes only).
INSERT INTO `counters` (`name`, `value`) VALUES
  ('sources', (SELECT count(*) FROM `sources`)),
  ('actors', (SELECT count(*) FROM `actors`)),
  ('topics', (SELECT count(*) FROM `topics`)),
  ('quotes', (SELECT count(*) FROM `quotes` WHERE `review_state` = 'accepted')),
  ('stances', (SELECT count(*) FROM `stances`)),
  ('camps', (SELECT count(*) FROM `camps`));
--> statement-breakpoint
INSERT INTO `quote_months` (`month`, `kind`, `count`)
  SELECT substr(`date_key`, 1, 7), `kind`, count(*) FROM `quotes` WHERE `review_state` = 'accepted' GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `sources_counter_insert` AFTER INSERT ON `sources` BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER `sources_counter_delete` AFTER DELETE ON `sources` BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER `actors_counter_insert` AFTER INSERT ON `actors` BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'actors'; END;
--> statement-breakpoint
CREATE TRIGGER `actors_counter_delete` AFTER DELETE ON `actors` BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'actors'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_counter_insert` AFTER INSERT ON `topics` BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_counter_delete` AFTER DELETE ON `topics` BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `stances_counter_insert` AFTER INSERT ON `stances` BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'stances'; END;
--> statement-breakpoint
CREATE TRIGGER `stances_counter_delete` AFTER DELETE ON `stances` BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'stances'; END;
--> statement-breakpoint
CREATE TRIGGER `camps_counter_insert` AFTER INSERT ON `camps` BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'camps'; END;
--> statement-breakpoint
CREATE TRIGGER `camps_counter_delete` AFTER DELETE ON `camps` BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'camps'; END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_insert` AFTER INSERT ON `quotes` WHEN NEW.`review_state` = 'accepted'
BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'quotes';
  INSERT INTO `quote_months` (`month`, `kind`, `count`) VALUES (substr(NEW.`date_key`, 1, 7), NEW.`kind`, 1)
    ON CONFLICT (`month`, `kind`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_delete` AFTER DELETE ON `quotes` WHEN OLD.`review_state` = 'accepted'
BEGIN
  UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'quotes';
  UPDATE `quote_months` SET `count` = `count` - 1 WHERE `month` = substr(OLD.`date_key`, 1, 7) AND `kind` = OLD.`kind`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_update_old` AFTER UPDATE OF `review_state`, `date_key`, `kind` ON `quotes` WHEN OLD.`review_state` = 'accepted'
BEGIN
  UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'quotes';
  UPDATE `quote_months` SET `count` = `count` - 1 WHERE `month` = substr(OLD.`date_key`, 1, 7) AND `kind` = OLD.`kind`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_update_new` AFTER UPDATE OF `review_state`, `date_key`, `kind` ON `quotes` WHEN NEW.`review_state` = 'accepted'
BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'quotes';
  INSERT INTO `quote_months` (`month`, `kind`, `count`) VALUES (substr(NEW.`date_key`, 1, 7), NEW.`kind`, 1)
    ON CONFLICT (`month`, `kind`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint

-- 5. Full-text search (FTS5, external content: the text lives once, in quotes and sources).
CREATE VIRTUAL TABLE `quotes_fts` USING fts5(`text`, `speaker_label`, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `quotes_fts` (`quotes_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_insert` AFTER INSERT ON `quotes` BEGIN
  INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker_label`) VALUES (NEW.`id`, NEW.`text`, NEW.`speaker_label`);
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_delete` AFTER DELETE ON `quotes` BEGIN
  INSERT INTO `quotes_fts` (`quotes_fts`, `rowid`, `text`, `speaker_label`) VALUES ('delete', OLD.`id`, OLD.`text`, OLD.`speaker_label`);
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_fts_update` AFTER UPDATE OF `text`, `speaker_label` ON `quotes` BEGIN
  INSERT INTO `quotes_fts` (`quotes_fts`, `rowid`, `text`, `speaker_label`) VALUES ('delete', OLD.`id`, OLD.`text`, OLD.`speaker_label`);
  INSERT INTO `quotes_fts` (`rowid`, `text`, `speaker_label`) VALUES (NEW.`id`, NEW.`text`, NEW.`speaker_label`);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `sources_fts` USING fts5(`title`, `body`, content = 'sources', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `sources_fts` (`sources_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `sources_fts_insert` AFTER INSERT ON `sources` BEGIN
  INSERT INTO `sources_fts` (`rowid`, `title`, `body`) VALUES (NEW.`id`, NEW.`title`, NEW.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_fts_delete` AFTER DELETE ON `sources` BEGIN
  INSERT INTO `sources_fts` (`sources_fts`, `rowid`, `title`, `body`) VALUES ('delete', OLD.`id`, OLD.`title`, OLD.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `sources_fts_update` AFTER UPDATE OF `title`, `body` ON `sources` BEGIN
  INSERT INTO `sources_fts` (`sources_fts`, `rowid`, `title`, `body`) VALUES ('delete', OLD.`id`, OLD.`title`, OLD.`body`);
  INSERT INTO `sources_fts` (`rowid`, `title`, `body`) VALUES (NEW.`id`, NEW.`title`, NEW.`body`);
END;
