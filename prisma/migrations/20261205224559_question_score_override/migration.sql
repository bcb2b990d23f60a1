-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "GradeChangeKind" ADD VALUE 'QUESTION_POINTS_SET';
ALTER TYPE "GradeChangeKind" ADD VALUE 'QUESTION_POINTS_CLEARED';

-- AlterTable
ALTER TABLE "AttemptAnswer" ADD COLUMN     "overriddenAt" TIMESTAMP(3),
ADD COLUMN     "overriddenById" UUID,
ADD COLUMN     "overrideCenti" INTEGER,
ADD COLUMN     "overrideComment" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "GradeChange" ADD COLUMN     "attemptId" UUID,
ADD COLUMN     "centiAfter" INTEGER,
ADD COLUMN     "centiBefore" INTEGER,
ADD COLUMN     "computedCenti" INTEGER,
ADD COLUMN     "maxCenti" INTEGER,
ADD COLUMN     "questionNumber" INTEGER,
ADD COLUMN     "questionVersionId" UUID;

-- AddForeignKey
ALTER TABLE "AttemptAnswer" ADD CONSTRAINT "AttemptAnswer_overriddenById_fkey" FOREIGN KEY ("overriddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
