-- A correction appended to a visible article is a change of its own (decision 101).
alter table change_event drop constraint change_event_type_ck;
alter table change_event add constraint change_event_type_ck
    check (type in ('publish', 'update', 'correction', 'unpublish', 'delete', 'rights', 'embargo-lift'));
