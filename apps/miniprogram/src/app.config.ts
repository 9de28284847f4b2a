export default defineAppConfig({
  pages: ['pages/index/index', 'pages/report/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login/index', 'privacy/index'] },
    { root: 'packages/case', pages: ['detail/index', 'lookup/index'] },
    { root: 'packages/report', pages: ['success/index'] },
    { root: 'packages/messages', pages: ['index'] },
    { root: 'packages/worker', pages: ['home/index', 'report/index', 'settle/index'] },
    { root: 'packages/staff', pages: ['login/index', 'queue/index', 'ticket/index', 'inbox/index', 'walkin/index', 'import/index'] },
    { root: 'packages/dashboard', pages: ['index'] },
  ],
  // WeChat privacy: declare the location APIs and why; the report page asks for consent before the first call.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于标注您反映问题的发生地点,方便就近处置' } },
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '综治中心',
    navigationBarTextStyle: 'black',
    // H5 too: Taro's router then draws a title bar with a back button (a home button when opened by a link).
    navigationStyle: 'default',
    backgroundColor: '#f4f5f7',
  },
  tabBar: {
    color: '#4a4f57',
    selectedColor: '#0b5cad',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // 81×81 palette PNGs, about 3 KB for all six (bench/size holds the budget).
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-on.png' },
      { pagePath: 'pages/report/index', text: '上报', iconPath: 'assets/tabbar/report.png', selectedIconPath: 'assets/tabbar/report-on.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-on.png' },
    ],
  },
});
