-- Files attached to a purchase request (a vendor's quote, a screenshot of the offer): PDF, PNG, JPEG or WebP, as the
-- bytes show. As with contract documents the bytes are kept apart from the metadata, in the database, so that every
-- node serves them and lists never read them. A removed attachment leaves the request's list but is kept, with who
-- removed it and when.
create table purchase_request_attachments (
  id            uuid                     not null primary key,
  org_id        uuid                     not null,
  request_id    uuid                     not null,
  file_name     varchar(255)             not null,
  content_type  varchar(100)             not null,
  size_bytes    bigint                   not null,
  sha256        varchar(64)              not null,
  created_by    uuid                     not null,
  created_at    timestamp with time zone not null,
  removed_by    uuid,
  removed_at    timestamp with time zone,
  version       bigint                   not null,
  constraint purchase_request_attachments_request foreign key (request_id) references purchase_requests (id)
);
create index purchase_request_attachments_org_request on purchase_request_attachments (org_id, request_id, created_at, id);

create table purchase_request_attachment_contents (
  attachment_id  uuid  not null primary key,
  org_id         uuid  not null,
  content        bytea not null,
  constraint purchase_request_attachment_contents_attachment foreign key (attachment_id) references purchase_request_attachments (id)
);
