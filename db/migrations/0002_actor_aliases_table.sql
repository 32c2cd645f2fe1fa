INSERT INTO `actor_aliases` (`actor_id`, `alias`, `alias_key`) SELECT `actors`.`id`, trim(`j`.`value`), lower(replace(trim(`j`.`value`), '  ', ' ')) FROM `actors`, json_each(`actors`.`aliases`) AS `j` WHERE trim(`j`.`value`) <> '';--> statement-breakpoint
ALTER TABLE `actors` DROP COLUMN `aliases`;
