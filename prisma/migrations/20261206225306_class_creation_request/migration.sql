-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "creationRequestId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Class_instructorId_creationRequestId_key" ON "Class"("instructorId", "creationRequestId");
