-- Purpose: the record of one committed file import (its rows point to it); returns its id.
-- Parameters: $kind ('progress', 'indicator_values', 'translations'), $file (file name), $rows (row count), $by.
INSERT INTO imports (kind, file_name, row_count, imported_by) VALUES ($kind, $file, $rows, $by)
RETURNING import_id;
