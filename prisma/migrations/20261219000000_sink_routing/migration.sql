-- A sink may pick each message's stream with a routing function, run when the message is sent
-- (docs/routing.md); a delivered message keeps the stream it went to. Null: the sink's own stream.
ALTER TABLE "sink" ADD COLUMN "routing_source" TEXT;
ALTER TABLE "message" ADD COLUMN "stream_arn" TEXT;
