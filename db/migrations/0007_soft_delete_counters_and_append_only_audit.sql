-- Soft delete (migration 0006 added deleted_at) and the totals: a row counts while it is live.
-- A soft delete or a restore is an UPDATE of deleted_at, so each counter gets an update trigger,
-- and the insert and delete triggers of migration 0004 now count live rows only.
DROP TRIGGER `sources_counter_insert`;
--> statement-breakpoint
CREATE TRIGGER `sources_counter_insert` AFTER INSERT ON `sources` WHEN NEW.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'sources'; END;
--> statement-breakpoint
DROP TRIGGER `sources_counter_delete`;
--> statement-breakpoint
CREATE TRIGGER `sources_counter_delete` AFTER DELETE ON `sources` WHEN OLD.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'sources'; END;
--> statement-breakpoint
CREATE TRIGGER `sources_counter_soft_delete` AFTER UPDATE OF `deleted_at` ON `sources` WHEN (OLD.`deleted_at` IS NULL) <> (NEW.`deleted_at` IS NULL)
BEGIN UPDATE `counters` SET `value` = `value` + (CASE WHEN NEW.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `name` = 'sources'; END;
--> statement-breakpoint
DROP TRIGGER `actors_counter_insert`;
--> statement-breakpoint
CREATE TRIGGER `actors_counter_insert` AFTER INSERT ON `actors` WHEN NEW.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'actors'; END;
--> statement-breakpoint
DROP TRIGGER `actors_counter_delete`;
--> statement-breakpoint
CREATE TRIGGER `actors_counter_delete` AFTER DELETE ON `actors` WHEN OLD.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'actors'; END;
--> statement-breakpoint
CREATE TRIGGER `actors_counter_soft_delete` AFTER UPDATE OF `deleted_at` ON `actors` WHEN (OLD.`deleted_at` IS NULL) <> (NEW.`deleted_at` IS NULL)
BEGIN UPDATE `counters` SET `value` = `value` + (CASE WHEN NEW.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `name` = 'actors'; END;
--> statement-breakpoint
DROP TRIGGER `topics_counter_insert`;
--> statement-breakpoint
CREATE TRIGGER `topics_counter_insert` AFTER INSERT ON `topics` WHEN NEW.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'topics'; END;
--> statement-breakpoint
DROP TRIGGER `topics_counter_delete`;
--> statement-breakpoint
CREATE TRIGGER `topics_counter_delete` AFTER DELETE ON `topics` WHEN OLD.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_counter_soft_delete` AFTER UPDATE OF `deleted_at` ON `topics` WHEN (OLD.`deleted_at` IS NULL) <> (NEW.`deleted_at` IS NULL)
BEGIN UPDATE `counters` SET `value` = `value` + (CASE WHEN NEW.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `name` = 'topics'; END;
--> statement-breakpoint
DROP TRIGGER `stances_counter_insert`;
--> statement-breakpoint
CREATE TRIGGER `stances_counter_insert` AFTER INSERT ON `stances` WHEN NEW.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'stances'; END;
--> statement-breakpoint
DROP TRIGGER `stances_counter_delete`;
--> statement-breakpoint
CREATE TRIGGER `stances_counter_delete` AFTER DELETE ON `stances` WHEN OLD.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'stances'; END;
--> statement-breakpoint
CREATE TRIGGER `stances_counter_soft_delete` AFTER UPDATE OF `deleted_at` ON `stances` WHEN (OLD.`deleted_at` IS NULL) <> (NEW.`deleted_at` IS NULL)
BEGIN UPDATE `counters` SET `value` = `value` + (CASE WHEN NEW.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `name` = 'stances'; END;
--> statement-breakpoint
DROP TRIGGER `camps_counter_insert`;
--> statement-breakpoint
CREATE TRIGGER `camps_counter_insert` AFTER INSERT ON `camps` WHEN NEW.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'camps'; END;
--> statement-breakpoint
DROP TRIGGER `camps_counter_delete`;
--> statement-breakpoint
CREATE TRIGGER `camps_counter_delete` AFTER DELETE ON `camps` WHEN OLD.`deleted_at` IS NULL
BEGIN UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'camps'; END;
--> statement-breakpoint
CREATE TRIGGER `camps_counter_soft_delete` AFTER UPDATE OF `deleted_at` ON `camps` WHEN (OLD.`deleted_at` IS NULL) <> (NEW.`deleted_at` IS NULL)
BEGIN UPDATE `counters` SET `value` = `value` + (CASE WHEN NEW.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `name` = 'camps'; END;
--> statement-breakpoint
-- Accepted quotes: the old row leaves the totals and the new one joins them, when each is live and accepted.
DROP TRIGGER `quotes_counter_insert`;
--> statement-breakpoint
DROP TRIGGER `quotes_counter_delete`;
--> statement-breakpoint
DROP TRIGGER `quotes_counter_update_old`;
--> statement-breakpoint
DROP TRIGGER `quotes_counter_update_new`;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_insert` AFTER INSERT ON `quotes` WHEN NEW.`review_state` = 'accepted' AND NEW.`deleted_at` IS NULL
BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'quotes';
  INSERT INTO `quote_months` (`month`, `kind`, `count`) VALUES (substr(NEW.`date_key`, 1, 7), NEW.`kind`, 1)
    ON CONFLICT (`month`, `kind`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_delete` AFTER DELETE ON `quotes` WHEN OLD.`review_state` = 'accepted' AND OLD.`deleted_at` IS NULL
BEGIN
  UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'quotes';
  UPDATE `quote_months` SET `count` = `count` - 1 WHERE `month` = substr(OLD.`date_key`, 1, 7) AND `kind` = OLD.`kind`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_update_old` AFTER UPDATE OF `review_state`, `date_key`, `kind`, `deleted_at` ON `quotes` WHEN OLD.`review_state` = 'accepted' AND OLD.`deleted_at` IS NULL
BEGIN
  UPDATE `counters` SET `value` = `value` - 1 WHERE `name` = 'quotes';
  UPDATE `quote_months` SET `count` = `count` - 1 WHERE `month` = substr(OLD.`date_key`, 1, 7) AND `kind` = OLD.`kind`;
END;
--> statement-breakpoint
CREATE TRIGGER `quotes_counter_update_new` AFTER UPDATE OF `review_state`, `date_key`, `kind`, `deleted_at` ON `quotes` WHEN NEW.`review_state` = 'accepted' AND NEW.`deleted_at` IS NULL
BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `name` = 'quotes';
  INSERT INTO `quote_months` (`month`, `kind`, `count`) VALUES (substr(NEW.`date_key`, 1, 7), NEW.`kind`, 1)
    ON CONFLICT (`month`, `kind`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
-- The audit log is append-only: whoever writes to the file, through the app or not, cannot change
-- or remove an entry (short of dropping the table, which the schema check at start-up notices).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted'); END;
--> statement-breakpoint
-- The key that signs session cookies, random per database, unless BETTER_AUTH_SECRET is set (lib/auth/secret.ts).
INSERT INTO `settings` (`name`, `value`) VALUES ('auth_secret', lower(hex(randomblob(32))));
