-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "creationRequestId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_classId_creationRequestId_key" ON "Assignment"("classId", "creationRequestId");
