CREATE TABLE `actors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`country_code` text,
	`organisation_id` integer,
	`nato_accession_year` integer,
	`aliases` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "actors_kind_check" CHECK("actors"."kind" in ('state', 'person', 'organisation', 'anonymous')),
	CONSTRAINT "actors_country_code_check" CHECK("actors"."country_code" is null or length("actors"."country_code") = 2)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actors_slug_unique` ON `actors` (`slug`);--> statement-breakpoint
CREATE INDEX `actors_country_code_idx` ON `actors` (`country_code`);--> statement-breakpoint
CREATE TABLE `camp_evidence` (
	`camp_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	PRIMARY KEY(`camp_id`, `quote_id`),
	FOREIGN KEY (`camp_id`) REFERENCES `camps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `camp_evidence_quote_idx` ON `camp_evidence` (`quote_id`);--> statement-breakpoint
CREATE TABLE `camp_member_evidence` (
	`member_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	PRIMARY KEY(`member_id`, `quote_id`),
	FOREIGN KEY (`member_id`) REFERENCES `camp_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `camp_member_evidence_quote_idx` ON `camp_member_evidence` (`quote_id`);--> statement-breakpoint
CREATE TABLE `camp_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`camp_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`as_of` text NOT NULL,
	FOREIGN KEY (`camp_id`) REFERENCES `camps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `camp_members_camp_actor_unique` ON `camp_members` (`camp_id`,`actor_id`);--> statement-breakpoint
CREATE INDEX `camp_members_actor_idx` ON `camp_members` (`actor_id`);--> statement-breakpoint
CREATE TABLE `camps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`topic_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `camps_slug_unique` ON `camps` (`slug`);--> statement-breakpoint
CREATE INDEX `camps_topic_idx` ON `camps` (`topic_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`speaker_id` integer,
	`speaker_label` text NOT NULL,
	`said_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`speaker_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quotes_kind_check" CHECK("quotes"."kind" in ('direct', 'reported')),
	CONSTRAINT "quotes_span_check" CHECK("quotes"."start" >= 0 and "quotes"."end" > "quotes"."start")
);
--> statement-breakpoint
CREATE INDEX `quotes_source_idx` ON `quotes` (`source_id`,`start`);--> statement-breakpoint
CREATE INDEX `quotes_speaker_idx` ON `quotes` (`speaker_id`);--> statement-breakpoint
CREATE INDEX `quotes_said_at_idx` ON `quotes` (`said_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_span_unique` ON `quotes` (`source_id`,`start`,`end`,`kind`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`url` text,
	`published_at` text,
	`original_publisher` text,
	`original_published_at` text,
	`date_note` text,
	`dateline` text,
	`body` text NOT NULL,
	`body_sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_body_sha256_unique` ON `sources` (`body_sha256`);--> statement-breakpoint
CREATE TABLE `stance_evidence` (
	`stance_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	PRIMARY KEY(`stance_id`, `quote_id`),
	FOREIGN KEY (`stance_id`) REFERENCES `stances`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stance_evidence_quote_idx` ON `stance_evidence` (`quote_id`);--> statement-breakpoint
CREATE TABLE `stances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`position` integer NOT NULL,
	`confidence` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stances_position_check" CHECK("stances"."position" between -2 and 2),
	CONSTRAINT "stances_confidence_check" CHECK("stances"."confidence" in ('low', 'medium', 'high'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stances_actor_topic_as_of_unique` ON `stances` (`actor_id`,`topic_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `stances_topic_idx` ON `stances` (`topic_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `stances_as_of_idx` ON `stances` (`as_of`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`scale_labels` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topics_slug_unique` ON `topics` (`slug`);