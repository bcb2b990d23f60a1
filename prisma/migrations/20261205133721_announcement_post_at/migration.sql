-- DropIndex
DROP INDEX "ClassAnnouncement_classId_createdAt_idx";

-- AlterTable
ALTER TABLE "ClassAnnouncement" ADD COLUMN     "postAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Announcements posted before scheduling existed were posted when made.
UPDATE "ClassAnnouncement" SET "postAt" = "createdAt";

-- CreateIndex
CREATE INDEX "ClassAnnouncement_classId_postAt_idx" ON "ClassAnnouncement"("classId", "postAt");
