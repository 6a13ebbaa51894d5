-- Purpose: drop ended sign-ins older than a cookie can live (their cookies are refused for their age anyway).
-- Parameters: $hours (how long a lasting sign-in lasts).
DELETE FROM ended_sign_ins WHERE ended_at < LOCALTIMESTAMP - $hours * INTERVAL '1 hour';
