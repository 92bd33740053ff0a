DROP TABLE stock_moves;
