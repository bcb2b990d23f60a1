-- AlterTable
ALTER TABLE "ClassAnnouncement" ADD COLUMN     "requestId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "ClassAnnouncement_authorId_requestId_key" ON "ClassAnnouncement"("authorId", "requestId");
