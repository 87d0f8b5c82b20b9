-- Every stored time is a whole second (decision 111). The application truncates every time it stores from
-- now on (common/WholeSeconds); this truncates the times already stored, touching only rows that need it.
update section set created_at = date_trunc('second', created_at), updated_at = date_trunc('second', updated_at)
 where created_at <> date_trunc('second', created_at) or updated_at <> date_trunc('second', updated_at);
update tag set created_at = date_trunc('second', created_at), updated_at = date_trunc('second', updated_at)
 where created_at <> date_trunc('second', created_at) or updated_at <> date_trunc('second', updated_at);
update byline set created_at = date_trunc('second', created_at), updated_at = date_trunc('second', updated_at)
 where created_at <> date_trunc('second', created_at) or updated_at <> date_trunc('second', updated_at);
update article set published_at = date_trunc('second', published_at),
                   first_published_at = date_trunc('second', first_published_at),
                   created_at = date_trunc('second', created_at), updated_at = date_trunc('second', updated_at),
                   embargo_until = date_trunc('second', embargo_until), deleted_at = date_trunc('second', deleted_at)
 where created_at <> date_trunc('second', created_at) or updated_at <> date_trunc('second', updated_at)
    or published_at <> date_trunc('second', published_at)
    or first_published_at <> date_trunc('second', first_published_at)
    or embargo_until <> date_trunc('second', embargo_until) or deleted_at <> date_trunc('second', deleted_at);
update article_correction set corrected_at = date_trunc('second', corrected_at)
 where corrected_at <> date_trunc('second', corrected_at);
update article_slug_history set retired_at = date_trunc('second', retired_at)
 where retired_at <> date_trunc('second', retired_at);
update change_event set at = date_trunc('second', at), embargo_until = date_trunc('second', embargo_until)
 where at <> date_trunc('second', at) or embargo_until <> date_trunc('second', embargo_until);
update webhook set created_at = date_trunc('second', created_at), updated_at = date_trunc('second', updated_at)
 where created_at <> date_trunc('second', created_at) or updated_at <> date_trunc('second', updated_at);
update webhook_delivery set next_attempt_at = date_trunc('second', next_attempt_at),
                            last_attempt_at = date_trunc('second', last_attempt_at),
                            created_at = date_trunc('second', created_at),
                            delivered_at = date_trunc('second', delivered_at)
 where next_attempt_at <> date_trunc('second', next_attempt_at)
    or last_attempt_at <> date_trunc('second', last_attempt_at)
    or created_at <> date_trunc('second', created_at) or delivered_at <> date_trunc('second', delivered_at);
update api_key set created_at = date_trunc('second', created_at), revoked_at = date_trunc('second', revoked_at)
 where created_at <> date_trunc('second', created_at) or revoked_at <> date_trunc('second', revoked_at);
update article_revision set saved_at = date_trunc('second', saved_at)
 where saved_at <> date_trunc('second', saved_at);
