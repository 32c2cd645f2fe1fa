-- Hand-edited from drizzle-kit's output: the generated table rebuild of `quotes` cannot run inside
-- the migrator's transaction (foreign keys from the evidence tables stay on), so the new columns
-- are added in place, with their checks as column constraints.
CREATE TABLE `actor_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`alias` text NOT NULL,
	`alias_key` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actor_aliases_actor_key_unique` ON `actor_aliases` (`actor_id`,`alias_key`);--> statement-breakpoint
CREATE INDEX `actor_aliases_key_idx` ON `actor_aliases` (`alias_key`);--> statement-breakpoint
ALTER TABLE `quotes` ADD `review_state` text DEFAULT 'accepted' NOT NULL CONSTRAINT "quotes_review_state_check" CHECK(review_state in ('suggested', 'accepted', 'rejected'));--> statement-breakpoint
ALTER TABLE `quotes` ADD `confidence` real CONSTRAINT "quotes_confidence_check" CHECK(confidence is null or (confidence >= 0 and confidence <= 1));--> statement-breakpoint
ALTER TABLE `quotes` ADD `extractor_version` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `cue_start` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `cue_end` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `speaker_start` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `speaker_end` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `statement_id` integer REFERENCES `quotes`(`id`);--> statement-breakpoint
CREATE INDEX `quotes_statement_idx` ON `quotes` (`statement_id`);--> statement-breakpoint
DROP INDEX `quotes_span_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_span_unique` ON `quotes` (`source_id`,`start`,`end`,`kind`) WHERE review_state <> 'rejected';--> statement-breakpoint
CREATE INDEX `quotes_review_queue_idx` ON `quotes` (`confidence`,`id`) WHERE review_state = 'suggested';--> statement-breakpoint
ALTER TABLE `actors` ADD `confirmed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `language` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`) WHERE url is not null;
