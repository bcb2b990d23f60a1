-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "letterScheme" JSONB;

-- Written by hand (Prisma's schema cannot state a CHECK): a class's own letter scheme is a list of 2 to 15 rows, as
-- letterSchemeSchema in lib/domain/grading-scheme.ts accepts (decision 32), or null for Canvas's default. The rows
-- themselves are checked by that schema; this keeps a write from elsewhere from storing something that is not a list.
ALTER TABLE "Class" ADD CONSTRAINT "Class_letterScheme_check" CHECK (CASE WHEN jsonb_typeof("letterScheme") = 'array' THEN jsonb_array_length("letterScheme") BETWEEN 2 AND 15 ELSE "letterScheme" IS NULL END);
