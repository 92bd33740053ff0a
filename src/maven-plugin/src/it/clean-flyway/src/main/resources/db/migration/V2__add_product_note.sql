ALTER TABLE product ADD COLUMN note text;
