-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "gradesPostedAt" TIMESTAMP(3),
ADD COLUMN     "postsGradesManually" BOOLEAN NOT NULL DEFAULT false;
