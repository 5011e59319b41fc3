-- Km per mode per commune and month, from merged donations (workbench donations merge DIR --out merged.ndjson).
-- Weekly rows count in the month of their ISO week's Thursday (period_start is the Monday); rows without a
-- place (area '') are left out here. Same SQL on DuckDB, Spark SQL or Trino (read the NDJSON as a table).
SELECT area AS commune,
       category AS mode,
       CASE WHEN length(period) = 7 THEN period
            ELSE strftime(CAST(period_start AS DATE) + 3, '%Y-%m') END AS month,
       round(sum(value), 3) AS km,
       sum(records) AS trips,
       count(DISTINCT donation_id) AS donors
FROM read_json_auto('merged.ndjson')
WHERE part = 'mobility' AND area <> '' AND area NOT LIKE '1km%'
GROUP BY ALL
ORDER BY commune, mode, month;
