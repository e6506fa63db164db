-- The reference data (regions, neighbours, gemeenten) is read from the directory module's
-- versioned CSV files (ADR 0004); V3's copy in the database is no longer used.
drop table if exists directory_region_neighbour;
drop table if exists directory_municipality;
drop table if exists directory_region;
