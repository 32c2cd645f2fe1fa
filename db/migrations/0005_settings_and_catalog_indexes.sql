CREATE TABLE `settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `actors_by_country_idx` ON `actors` (coalesce(`country_code`, '~'),`name`,`id`);--> statement-breakpoint
CREATE INDEX `actors_by_name_idx` ON `actors` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `topics_order_idx` ON `topics` (`sort_order`,`slug`,`id`);--> statement-breakpoint
-- A random key per database: cursors signed with it cannot be forged, and stay valid across restarts.
INSERT INTO `settings` (`name`, `value`) VALUES ('cursor_key', lower(hex(randomblob(32))));
