/**
 * The icons the app uses, imported one file each. The package barrel re-exports ~6,000 icons, which made the
 * production build transform every one of them (~15 s); deep imports keep the build to what is used.
 */

export { default as IconAdjustmentsHorizontal } from "@tabler/icons-react/dist/esm/icons/IconAdjustmentsHorizontal.mjs";
export { default as IconAlertCircle } from "@tabler/icons-react/dist/esm/icons/IconAlertCircle.mjs";
export { default as IconAlertTriangle } from "@tabler/icons-react/dist/esm/icons/IconAlertTriangle.mjs";
export { default as IconArrowsExchange } from "@tabler/icons-react/dist/esm/icons/IconArrowsExchange.mjs";
export { default as IconBulb } from "@tabler/icons-react/dist/esm/icons/IconBulb.mjs";
export { default as IconCalendar } from "@tabler/icons-react/dist/esm/icons/IconCalendar.mjs";
export { default as IconCalendarTime } from "@tabler/icons-react/dist/esm/icons/IconCalendarTime.mjs";
export { default as IconChartBar } from "@tabler/icons-react/dist/esm/icons/IconChartBar.mjs";
export { default as IconChartLine } from "@tabler/icons-react/dist/esm/icons/IconChartLine.mjs";
export { default as IconCheck } from "@tabler/icons-react/dist/esm/icons/IconCheck.mjs";
export { default as IconChevronDown } from "@tabler/icons-react/dist/esm/icons/IconChevronDown.mjs";
export { default as IconChevronLeft } from "@tabler/icons-react/dist/esm/icons/IconChevronLeft.mjs";
export { default as IconChevronRight } from "@tabler/icons-react/dist/esm/icons/IconChevronRight.mjs";
export { default as IconClock } from "@tabler/icons-react/dist/esm/icons/IconClock.mjs";
export { default as IconCopy } from "@tabler/icons-react/dist/esm/icons/IconCopy.mjs";
export { default as IconDeviceDesktop } from "@tabler/icons-react/dist/esm/icons/IconDeviceDesktop.mjs";
export { default as IconDotsVertical } from "@tabler/icons-react/dist/esm/icons/IconDotsVertical.mjs";
export { default as IconFlask } from "@tabler/icons-react/dist/esm/icons/IconFlask.mjs";
export { default as IconHeadset } from "@tabler/icons-react/dist/esm/icons/IconHeadset.mjs";
export { default as IconHourglassHigh } from "@tabler/icons-react/dist/esm/icons/IconHourglassHigh.mjs";
export { default as IconInfoCircle } from "@tabler/icons-react/dist/esm/icons/IconInfoCircle.mjs";
export { default as IconKey } from "@tabler/icons-react/dist/esm/icons/IconKey.mjs";
export { default as IconLayoutDashboard } from "@tabler/icons-react/dist/esm/icons/IconLayoutDashboard.mjs";
export { default as IconListDetails } from "@tabler/icons-react/dist/esm/icons/IconListDetails.mjs";
export { default as IconLogout } from "@tabler/icons-react/dist/esm/icons/IconLogout.mjs";
export { default as IconMail } from "@tabler/icons-react/dist/esm/icons/IconMail.mjs";
export { default as IconMaximize } from "@tabler/icons-react/dist/esm/icons/IconMaximize.mjs";
export { default as IconMessage } from "@tabler/icons-react/dist/esm/icons/IconMessage.mjs";
export { default as IconMessageCircle } from "@tabler/icons-react/dist/esm/icons/IconMessageCircle.mjs";
export { default as IconMinimize } from "@tabler/icons-react/dist/esm/icons/IconMinimize.mjs";
export { default as IconMoon } from "@tabler/icons-react/dist/esm/icons/IconMoon.mjs";
export { default as IconPencil } from "@tabler/icons-react/dist/esm/icons/IconPencil.mjs";
export { default as IconPhone } from "@tabler/icons-react/dist/esm/icons/IconPhone.mjs";
export { default as IconPhoneCall } from "@tabler/icons-react/dist/esm/icons/IconPhoneCall.mjs";
export { default as IconPhoneOutgoing } from "@tabler/icons-react/dist/esm/icons/IconPhoneOutgoing.mjs";
export { default as IconPlayerStop } from "@tabler/icons-react/dist/esm/icons/IconPlayerStop.mjs";
export { default as IconPlus } from "@tabler/icons-react/dist/esm/icons/IconPlus.mjs";
export { default as IconRoute } from "@tabler/icons-react/dist/esm/icons/IconRoute.mjs";
export { default as IconStack2 } from "@tabler/icons-react/dist/esm/icons/IconStack2.mjs";
export { default as IconSun } from "@tabler/icons-react/dist/esm/icons/IconSun.mjs";
export { default as IconTrash } from "@tabler/icons-react/dist/esm/icons/IconTrash.mjs";
export { default as IconUserCheck } from "@tabler/icons-react/dist/esm/icons/IconUserCheck.mjs";
export { default as IconUsers } from "@tabler/icons-react/dist/esm/icons/IconUsers.mjs";
export { default as IconUsersGroup } from "@tabler/icons-react/dist/esm/icons/IconUsersGroup.mjs";
export { default as IconX } from "@tabler/icons-react/dist/esm/icons/IconX.mjs";
