CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quote_months` (
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `kind`)
);
--> statement-breakpoint
DROP INDEX `quotes_said_at_idx`;--> statement-breakpoint
DROP INDEX `quotes_source_idx`;--> statement-breakpoint
DROP INDEX `quotes_speaker_idx`;--> statement-breakpoint
ALTER TABLE `quotes` ADD `date_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `quotes` ADD `speaker_country` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `speaker_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `quotes_by_date_idx` ON `quotes` (`review_state`,`date_key`,`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_by_country_idx` ON `quotes` (`review_state`,`speaker_country`,`date_key`,`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_by_speaker_idx` ON `quotes` (`review_state`,`speaker_name`,`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_by_kind_idx` ON `quotes` (`review_state`,`kind`,`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_by_source_idx` ON `quotes` (`review_state`,`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_source_idx` ON `quotes` (`source_id`,`start`,`id`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_idx` ON `quotes` (`speaker_id`,`review_state`,`date_key`,`id`);--> statement-breakpoint
DROP INDEX `stances_as_of_idx`;--> statement-breakpoint
ALTER TABLE `stances` ADD `country_key` text DEFAULT '~' NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `actor_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `topic_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `topic_slug` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `evidence_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `stances` ADD `confidence_rank` integer GENERATED ALWAYS AS (case confidence when 'low' then 1 when 'medium' then 2 else 3 end) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE INDEX `stances_by_country_idx` ON `stances` (`country_key`,`actor_name`,`topic_order`,`topic_slug`,`as_of`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_actor_idx` ON `stances` (`actor_name`,`topic_order`,`topic_slug`,`as_of`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_topic_idx` ON `stances` (`topic_order`,`topic_slug`,`country_key`,`actor_name`,`as_of`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_position_idx` ON `stances` (`position`,`country_key`,`actor_name`,`topic_order`,`topic_slug`,`as_of`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_as_of_idx` ON `stances` (`as_of`,`country_key`,`actor_name`,`topic_order`,`topic_slug`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_confidence_idx` ON `stances` (`confidence_rank`,`country_key`,`actor_name`,`topic_order`,`topic_slug`,`as_of`,`id`);--> statement-breakpoint
CREATE INDEX `stances_by_evidence_idx` ON `stances` (`evidence_count`,`country_key`,`actor_name`,`topic_order`,`topic_slug`,`as_of`,`id`);--> statement-breakpoint
ALTER TABLE `sources` ADD `date_key` text GENERATED ALWAYS AS (coalesce(published_at, original_published_at, '')) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE INDEX `sources_date_idx` ON `sources` (`date_key`,`id`);