package dev.authschema.dsl.bench;

/**
 * Writes a realistic schema of any size: the auth models plus {@code n} business models of about 15
 * lines each, with relations, enums, defaults, native types, indexes and maps, so a benchmark pays for
 * every rule the validator has.
 */
public final class LargeSchemas {

    private LargeSchemas() {}

    public static String withModels(int n) {
        StringBuilder out = new StringBuilder(n * 700);
        out.append("""
                generator jpa {
                  provider = "authschema-jpa"
                  package  = "com.example.big"
                }

                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                enum Status {
                  DRAFT
                  ACTIVE
                  ARCHIVED
                }

                model User {
                  id            String    @id @default(cuid())
                  name          String?
                  email         String?   @unique
                  emailVerified DateTime?
                  image         String?
                  accounts      Account[]
                  sessions      Session[]
                }

                model Account {
                  id                String  @id @default(cuid())
                  userId            String
                  type              String
                  provider          String
                  providerAccountId String
                  refresh_token     String? @db.Text
                  access_token      String? @db.Text
                  expires_at        Int?
                  user              User    @relation(fields: [userId], references: [id], onDelete: Cascade)

                  @@unique([provider, providerAccountId])
                }

                model Session {
                  id           String   @id @default(cuid())
                  sessionToken String   @unique
                  userId       String
                  expires      DateTime
                  user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)
                }

                model VerificationToken {
                  identifier String
                  token      String
                  expires    DateTime

                  @@unique([identifier, token])
                }
                """);
        for (int i = 0; i < n; i++) {
            out.append('\n');
            out.append("/// Business model number ").append(i).append(".\n");
            out.append("model Item").append(i).append(" {\n");
            out.append("  id          Int      @id @default(autoincrement())\n");
            out.append("  code        String   @unique @db.VarChar(64)\n");
            out.append("  title       String\n");
            out.append("  description String?  @db.Text // free text\n");
            out.append("  price       Decimal  @default(0)\n");
            out.append("  quantity    Int      @default(1)\n");
            out.append("  active      Boolean  @default(true)\n");
            out.append("  status      Status   @default(DRAFT)\n");
            out.append("  createdAt   DateTime @default(now()) @map(\"created_at\")\n");
            out.append("  updatedAt   DateTime @updatedAt @map(\"updated_at\")\n");
            if (i > 0) {
                out.append("  parentId    Int?     @map(\"parent_id\")\n");
                out.append("  parent      Item")
                        .append(i - 1)
                        .append("?   @relation(fields: [parentId], references: [id], onDelete: SetNull)\n");
            }
            if (i + 1 < n) {
                out.append("  children    Item").append(i + 1).append("[]\n");
            }
            out.append('\n');
            out.append("  @@index([title])\n");
            out.append("  @@map(\"items_").append(i).append("\")\n");
            out.append("}\n");
        }
        return out.toString();
    }
}
