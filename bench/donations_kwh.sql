-- kWh per month per district (the code the donor declared; '' when none), electricity and gas apart.
SELECT area AS district,
       period AS month,
       category AS energy,
       round(sum(value), 3) AS kwh,
       sum(records) AS readings,
       count(DISTINCT donation_id) AS households
FROM read_json_auto('merged.ndjson')
WHERE part = 'energy'
GROUP BY ALL
ORDER BY district, month, energy;
