-- Reference data: the platform administrator (管理员), distinct from the office that runs the plans.
INSERT INTO "roles" ("key", "name", "description") VALUES
  ('admin', '管理员', '管理平台的用户、区域、单位和单位负责人，不办理方案业务')
ON CONFLICT ("key") DO NOTHING;
