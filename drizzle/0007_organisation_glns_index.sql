-- Who holds a GLN without reading every organisation (a trace's parties, a capture's owners; issue 15 §2). IF NOT
-- EXISTS so that a later squash, whose 0000 creates it too, passes over it.
CREATE INDEX IF NOT EXISTS "organisations_glns_idx" ON "organisations" USING gin ("glns");
