-- The tracking secret of each dossier (issue 18 point 4, domain/dossier/tracking_secret.hpp):
-- the public tracking page answers only for a dossier code with its secret, since codes are
-- sequential. New dossiers get theirs from the server when first written; the dossiers already
-- held get one here, from the database's own random source, in the same alphabet (Crockford's
-- base 32: no I, L, O, U). Their receipts were printed without it: the applicant reads it in their
-- account or asks the one-stop desk, which sees it on the dossier.
ALTER TABLE dossiers ADD COLUMN tracking_secret TEXT;

-- @sqlite
-- random() is SQLite's ChaCha20 generator, seeded from the operating system; one call per
-- character and per row.
UPDATE dossiers SET tracking_secret =
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1)
WHERE tracking_secret IS NULL;
-- @end
-- @postgres
-- random() is not a cryptographic source in PostgreSQL; gen_random_uuid() (built in since 13) is.
-- Eight of its fully random bytes (not 6 and 8, which carry the version and variant bits), five
-- bits each. The subquery names the outer row so that it runs once per dossier.
UPDATE dossiers SET tracking_secret = (
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(r.b, i) % 32 + 1, 1), ''
                    ORDER BY i)
  FROM (SELECT uuid_send(gen_random_uuid()) AS b WHERE dossiers.id IS NOT NULL) r,
       unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10]) AS i)
WHERE tracking_secret IS NULL;
-- @end
