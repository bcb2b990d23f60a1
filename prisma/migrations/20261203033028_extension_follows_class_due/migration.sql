-- AlterTable
ALTER TABLE "AssignmentExtension" ADD COLUMN     "followsClassDue" BOOLEAN NOT NULL DEFAULT false;

-- Until now an extension followed the due time of its class when it was equal to it: that is what it records.
UPDATE "AssignmentExtension" e SET "followsClassDue" = true
FROM "Assignment" a WHERE a."id" = e."assignmentId" AND e."dueAt" = a."dueAt";
