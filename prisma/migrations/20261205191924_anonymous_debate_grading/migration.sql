-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "gradesAnonymously" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "identitiesRevealedAt" TIMESTAMP(3);
