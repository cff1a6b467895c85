-- Anonymous sessions never show results while votes can still change them one at a time: sessions stored as
-- IMMEDIATE before that rule become ON_REVEAL (the code applies the rule to any such row too).
update health_session set result_visibility = 'ON_REVEAL' where anonymous = true and result_visibility = 'IMMEDIATE';
