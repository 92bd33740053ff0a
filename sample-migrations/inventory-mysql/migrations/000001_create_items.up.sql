CREATE TABLE `items` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `sku` VARCHAR(64) NOT NULL,
  `title` VARCHAR(255) NOT NULL,
  `price` DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  `qty` INT NOT NULL DEFAULT 0,
  `status` ENUM('active','retired') NOT NULL DEFAULT 'active',
  PRIMARY KEY (`id`),
  UNIQUE KEY `items_sku_uq` (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
