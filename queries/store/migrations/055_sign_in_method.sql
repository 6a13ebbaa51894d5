-- 055: how a sign-in was made: 'password' (the Account page's form) or 'single_sign_on' (an OpenID Connect
-- provider, st.login). Rows written before this migration were all password sign-ins.

ALTER TABLE sign_in_attempts ADD COLUMN method VARCHAR DEFAULT 'password';
