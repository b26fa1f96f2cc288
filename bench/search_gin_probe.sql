-- A synthetic search table for how the GIN index scales (bench/city/README.md, "Session 10").
-- N rows; each vector holds a county token c0..c5 (a sixth each), a month token m0..m35
-- (ids in order, as case ids follow submission time), a common word w (1.5 %, as 路灯) and
-- two filler tokens. Make it with N replaced, in a database of your own:
--   sed 's/_N/_1000000/g; s/\bN\b/1000000/g' bench/search_gin_probe.sql | psql -d DB
DROP TABLE IF EXISTS probe_N;
CREATE TABLE probe_N (id bigint PRIMARY KEY, v tsvector);
INSERT INTO probe_N
SELECT i, array_to_tsvector(array_remove(ARRAY[
    'c' || ((hashint8(i) & 65535) % 6)::text,
    'm' || (i * 36 / N)::text,
    CASE WHEN (hashint8(i * 7) & 1023) < 15 THEN 'w' END,
    't' || (hashint8(i * 13) & 255)::text,
    'u' || (hashint8(i * 17) & 4095)::text
], NULL))
FROM generate_series(1, N) AS i;
CREATE INDEX probe_N_v ON probe_N USING gin (v);
VACUUM ANALYZE probe_N;
