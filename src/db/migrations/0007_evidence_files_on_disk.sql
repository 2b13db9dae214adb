ALTER TABLE "report_attachments" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD COLUMN "storage_path" text;