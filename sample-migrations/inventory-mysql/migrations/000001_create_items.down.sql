DROP TABLE `items`;
