export default defineAppConfig({
  pages: ['pages/index/index', 'pages/report/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login/index'] },
    { root: 'packages/case', pages: ['detail/index', 'lookup/index'] },
    { root: 'packages/report', pages: ['success/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '综治中心',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
  },
  tabBar: {
    color: '#4a4f57',
    selectedColor: '#0b5cad',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/report/index', text: '上报' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
});
