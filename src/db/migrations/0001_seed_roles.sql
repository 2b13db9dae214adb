-- Reference data: the three roles of the platform (see ARCHITECTURE.md, "Accounts and access").
INSERT INTO "roles" ("key", "name", "description") VALUES
  ('office', '优化办', '管理本区域及下级区域的方案、任务、单位和用户'),
  ('leader', '领导', '只读查看本区域及下级区域的全部内容'),
  ('unit', '责任单位', '只查看和办理本单位牵头或参与的任务')
ON CONFLICT ("key") DO NOTHING;
