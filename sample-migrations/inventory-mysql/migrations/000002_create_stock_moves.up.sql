CREATE TABLE stock_moves (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  item_id BIGINT UNSIGNED NOT NULL,
  delta INT NOT NULL,
  moved_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT stock_moves_item_fk FOREIGN KEY (item_id) REFERENCES items (id)
) ENGINE=InnoDB;

CREATE INDEX stock_moves_item_idx ON stock_moves (item_id);
