/** First start, sign-in, the lock screen and the own account. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const authZhCN = {
  setup: {
    title: '首次使用：创建系统管理员',
    intro: '数据库中还没有任何用户。请创建第一个系统管理员账户，之后用它添加其他用户和部门。',
    companyName: '公司名称',
    login: '登录名',
    displayName: '姓名',
    password: '密码',
    passwordConfirm: '确认密码',
    submit: '创建并登录',
  },
  login: {
    title: '登录',
    login: '登录名',
    password: '密码',
    submit: '登录',
    browserMode: '浏览器模式',
  },
  lock: {
    title: '屏幕已锁定',
    intro: '屏幕已锁定（空闲超时或手动锁定）。{{name}}，请输入密码继续；其他人请点“切换用户”。',
    unlock: '解锁',
    switchUser: '切换用户',
  },
  account: {
    title: '我的账户',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    changed: '密码已修改，其他窗口中的登录已退出。',
    mustChange: '管理员已重置您的密码。请先设置一个只有您知道的新密码。',
    roles: '角色',
    department: '部门',
  },
  errors: {
    currentPasswordWrong: '当前密码不正确。',
    mustChangePassword: '管理员已重置您的密码，请先设置新密码。',
  },
  ops: {
    setup: {
      createAdmin: '初始化系统',
    },
    auth: {
      login: '登录',
      loginFailed: '登录失败',
      logout: '退出登录',
      lock: '锁定屏幕',
      unlock: '解锁',
      changePassword: '修改密码',
      setLanguage: '切换语言',
    },
  },
};
