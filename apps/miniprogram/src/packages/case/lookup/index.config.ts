export default definePageConfig({
  navigationBarTitleText: '查询案件',
});
