export default definePageConfig({
  navigationBarTitleText: '现场化解',
});
