-- PostgreSQL gets trigram indexes for the ledger's keyword search here (db/vendor/postgresql).
-- H2, the embedded demo database, has no such index; its ledgers are small enough to scan.
select 1;
